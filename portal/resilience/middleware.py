from .outage import is_outage, unavailable_response


class DatabaseOutageMiddleware:
    """A view (or its template) that cannot reach the database answers 503, not 500.

    Failures outside views (in other middleware) reach the 500 handler instead; views.py turns
    those into the same 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            return unavailable_response(request, exception)
        return None
