namespace CoSie.Platform.Web.Features.Courses.Import;

// Ends a parse deep inside its stages. Its message is the refusal the person sees, already in their language;
// ModuleImporter hands it on.
internal sealed class ImportLimitExceededException(string message) : Exception(message);
