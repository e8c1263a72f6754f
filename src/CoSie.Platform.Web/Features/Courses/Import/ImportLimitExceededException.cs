namespace CoSie.Platform.Web.Features.Courses.Import;

// Ends a parse deep inside its stages; ModuleImporter turns it into the refusal the person sees.
internal sealed class ImportLimitExceededException(string message) : Exception(message);
