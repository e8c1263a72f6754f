namespace CoSie.Platform.Web.Features.Courses.Import;

// What a WordPress export held where a page belongs. Name is the error response's code or the object's type, Detail
// the error response's message; both are the file's own words.
internal sealed record JsonFinding(JsonFound What, string Name = "", string Detail = "");
