using System.Diagnostics.CodeAnalysis;

namespace CoSie.Platform.Web.Features.Courses.Import;

public sealed class ImportResult
{
    private ImportResult(IReadOnlyList<ImportedModule> modules, ImportError? error, IReadOnlyList<LeftOut> leftOut)
    {
        Modules = modules;
        Error = error;
        LeftOut = leftOut;
    }

    public IReadOnlyList<ImportedModule> Modules { get; }

    // What a whole-site export holds besides the modules, by post type; empty for other files.
    public IReadOnlyList<LeftOut> LeftOut { get; }

    public ImportError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ImportResult Success(IReadOnlyList<ImportedModule> modules, IReadOnlyList<LeftOut>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        if (modules.Count == 0)
        {
            throw new ArgumentException("A successful import has at least one module.", nameof(modules));
        }

        return new ImportResult(modules, null, leftOut ?? []);
    }

    public static ImportResult Failure(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ImportResult([], error, []);
    }

    public static ImportResult Failure(string message, int? line = null, int? position = null) =>
        Failure(new ImportError(message, line, position));
}
