"""Knowledge of names: gazetteers, titles, administrative units."""
