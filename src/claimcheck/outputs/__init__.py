"""What a check writes: findings.json, report.md, report.html, CSV, ClaimReview, letters."""
