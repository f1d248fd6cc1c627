"""Helpers for browser tests."""


def follow(page, locator):
    """Click a link or submit button and wait until the next page has loaded.

    Without JavaScript every click is a full page load; waiting for it keeps the next step
    from reading the old page.
    """
    with page.expect_navigation():
        locator.click()


def log_in(page, username, password, login_url=None):
    """Log in through the admin's login form: at `login_url`, or on the login page the browser
    was sent to already."""
    if login_url is not None:
        page.goto(login_url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    follow(page, page.locator("button[type=submit]"))


def choose_language(page, name):
    """Open the header's language menu (a <details>, no JavaScript needed) and pick a language."""
    menu = page.locator(".language-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    follow(page, menu.get_by_role("link", name=name))
