"""The text views (plain and rendered Markdown), their scroll bar and the breadcrumb above them."""
