from .feedback import reissue_tokens

MARKER = b"data-reissue"


class FeedbackTokenMiddleware:
    """Give every guide that leaves the site a feedback token issued now (feedback.py).

    It sits outside the page cache: a cached page holds the token of the moment it was
    rendered, and the "not within two seconds" and "three hours" checks need the moment it
    was served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and MARKER in response.content
        ):
            response.content = reissue_tokens(response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
