using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoSie.Platform.Web.Features.Profiles;

// How a member's picture is answered wherever it is served: its address carries the picture's version, so the reader's
// browser may keep it for a year; never a shared cache, and never sniffed as anything but its type.
public static class PictureResponse
{
    public static FileContentResult Send(HttpResponse response, ProfilePicture picture)
    {
        response.Headers[HeaderNames.CacheControl] = "private, max-age=31536000, immutable";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new FileContentResult(picture.Content, picture.ContentType);
    }
}
