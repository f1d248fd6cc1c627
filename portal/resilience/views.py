import sys

from django.views.decorators.csrf import requires_csrf_token

from ..core.views import server_error as generic_server_error
from .outage import is_outage, unavailable_response


@requires_csrf_token
def server_error(request):
    """The 500 handler: an unreachable database anywhere in the request (say, in middleware)
    still gets the 503 page. Django calls this while handling the exception."""
    exception = sys.exc_info()[1]
    if is_outage(exception):
        return unavailable_response(request, exception)
    return generic_server_error(request)
