"""Helpers for browser tests."""


def follow(page, locator):
    """Click a link or submit button and wait until the next page has loaded.

    Without JavaScript every click is a full page load; waiting for it keeps the next step
    from reading the old page.
    """
    with page.expect_navigation():
        locator.click()
