"""Everything a person reads: numbers in their locale, translated labels and messages, HTML reports.

The engine returns data and codes (summary keys, status codes, reason codes); this package
turns them into text in one language, with one number formatter and the Qt translations
(``resources/i18n``) as the only translation mechanism, so the completeness test sees every
string. Reports are rendered from ``resources/templates/report.html`` with escaped tables.
"""
