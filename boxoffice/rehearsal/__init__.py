"""The on-sale rehearsal (``boxoffice rehearse``): simulated web buyers over HTTP and
simulated tills through the sell screen's services race for one showtime, then a report
says what the database holds. See docs/rehearsal.md."""
