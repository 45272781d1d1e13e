"""The term base's tables in the SQL both engines speak, over an engine's
connection class (`base.Tables`): concepts and terms, occurrences and the
build's state, the review log, and the build's bulk writer."""
