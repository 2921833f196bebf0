"""Language stage: language and script identification, and per-language processing (kk)."""
