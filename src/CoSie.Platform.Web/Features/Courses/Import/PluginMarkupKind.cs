namespace CoSie.Platform.Web.Features.Courses.Import;

internal enum PluginMarkupKind
{
    Quiz,
    Form,
}
