"""The daily question: which question a day gets, each partner's private answer, hides."""
