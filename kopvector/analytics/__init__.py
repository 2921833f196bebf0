"""Analytics stage: what the stored record says in aggregate — the multi-vector balance, corroboration."""
