using System.Diagnostics.CodeAnalysis;

namespace CoSie.Platform.Web.Features.Courses.Import;

public sealed class ImportResult
{
    private ImportResult(IReadOnlyList<ImportedModule> modules, ImportError? error)
    {
        Modules = modules;
        Error = error;
    }

    public IReadOnlyList<ImportedModule> Modules { get; }

    public ImportError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ImportResult Success(IReadOnlyList<ImportedModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        if (modules.Count == 0)
        {
            throw new ArgumentException("A successful import has at least one module.", nameof(modules));
        }

        return new ImportResult(modules, null);
    }

    public static ImportResult Failure(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ImportResult([], error);
    }

    public static ImportResult Failure(string message, int? line = null, int? position = null) =>
        Failure(new ImportError(message, line, position));
}
