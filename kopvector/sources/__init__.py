"""Sources stage: readers that turn files into `Article` records."""
