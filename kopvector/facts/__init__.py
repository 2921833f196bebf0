"""Facts stage: what an article says actors did or said — quotes now; the fact kinds next."""
