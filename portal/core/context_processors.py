from .languages import current_language, language_name


def site_languages(request):
    code = current_language()
    return {"LANGUAGE_NAME": language_name(code)}
