"""People's decisions on findings (``reviews.toml``): the review store that outputs read."""
