namespace CoSie.Platform.Web.Domain;

public enum BodyFormat
{
    Markdown = 0,
    Html = 1,
}
