namespace CoSie.Platform.Web.Features.Courses.Import;

internal enum JsonFound
{
    Number,
    String,
    Boolean,
    Null,
    Array,
    Object,
    ErrorResponse,
    OtherType,
    NoContent,
    NoTitle,
    NoTitleNorContent,
}
