"""The review app's file actions: check a file against the term base (f)
and export it (x). Both run in thread workers and report by notification."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App

from glossary.check import Finding
from glossary.errors import GlossaryError
from glossary.store import TermStore
from glossary.tui.screens.export_dialog import ExportDialog, ExportRequest
from glossary.tui.screens.prompt import PromptScreen

CHECK_HINT = "PO/POT, TMX, XLIFF or plain text; as `glossary check` does it"


class FileActions(App[None]):
    """Base of `ReviewApp` holding the actions that read or write files."""

    tb: TermStore
    findings: dict[int, list[Finding]]  # of the last file checked
    _detail: int | None  # the concept the detail pane shows

    def show_detail(self) -> None:
        raise NotImplementedError  # ReviewApp redraws the detail pane

    def action_check_file(self) -> None:
        def done(path: str | None) -> None:
            if path and path.strip():
                self.check_file(str(Path(path.strip()).expanduser()))

        self.push_screen(
            PromptScreen("Check a file against the term base", hint=CHECK_HINT), done
        )

    @work(thread=True, exclusive=True, group="check")
    def check_file(self, path: str) -> None:
        """Run `glossary check` on one file; findings go next to their concept."""
        from glossary.api import Glossary
        from glossary.check_service import check_files

        try:
            report = check_files([path], Glossary(self.tb.concepts()))
        except (GlossaryError, OSError) as e:
            self.call_from_thread(
                self.notify, str(e), title="check failed", severity="error"
            )
            return
        self.call_from_thread(self._checked, path, report.findings)

    def _checked(self, path: str, findings: list[Finding]) -> None:
        self.findings = {}
        for f in findings:
            if f.concept_id is not None:
                self.findings.setdefault(f.concept_id, []).append(f)
        self._detail = None  # redraw the pane with its findings
        self.show_detail()
        n = len(findings)
        self.notify(
            f"{n} finding{'' if n == 1 else 's'} in {path}, "
            f"about {len(self.findings)} concepts (shown in the detail pane)",
            title="checked",
        )

    def action_export(self) -> None:
        def done(request: ExportRequest | None) -> None:
            if request is not None:
                self.export(request)

        self.push_screen(ExportDialog(str(Path.cwd() / "glossary.tbx")), done)

    @work(thread=True, exclusive=True, group="export")
    def export(self, request: ExportRequest) -> None:
        """Write the export off the UI thread; report where, or what went wrong."""
        from glossary import exchange  # loads the format writers only when needed

        try:
            written = exchange.export(
                self.tb,
                request.path,
                format=request.format,
                approved_only=request.approved_only,
            )
        except (GlossaryError, OSError) as e:
            self.call_from_thread(
                self.notify, str(e), title="export failed", severity="error"
            )
            return
        plural = "" if written == 1 else "s"
        message = f"wrote {written:,} concept{plural} to {request.path}"
        self.call_from_thread(self.notify, message, title="exported")
