namespace CoSie.Platform.Web.Features.Courses.Import;

// Markup of a WordPress quiz or form plugin taken out of a page; the preview names each.
internal sealed record PluginRemoval(string Plugin, PluginMarkupKind Kind);
