using System.Collections.Concurrent;
using System.Text.Json;
using Acornima.Ast;
using Jint;
using Microsoft.Extensions.FileProviders;

namespace CoSie.Platform.Web.Features.Synthesis;

// The server's copy of Yjs: the same bundle the browser runs (wwwroot/js/synthesis/synthesis.js, built from ClientApp),
// run by Jint, so the server merges and reads the shared document by the CRDT's own rules rather than a second
// implementation of them. An engine is not thread-safe and loading the bundle takes a while, so loaded engines are
// pooled; each call starts from a fresh Y.Doc, so nothing of one synthesis stays in an engine for the next.
public sealed class YjsRuntime
{
    public const string BundlePath = "js/synthesis/synthesis.js";

    // The JavaScript side has no crypto: Yjs only needs random client ids, and the server always sets its own.
    private const string Shim = "globalThis.crypto = { getRandomValues: function (a) { for (var i = 0; i < a.length; i++) { a[i] = Math.floor(Math.random() * 4294967296); } return a; } };";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Prepared<Script> _bundle;
    private readonly ConcurrentBag<Engine> _engines = [];

    public YjsRuntime(IWebHostEnvironment environment)
        : this(ReadBundle(environment.WebRootFileProvider))
    {
    }

    public YjsRuntime(string bundle)
    {
        _bundle = Engine.PrepareScript(bundle);
    }

    public YjsMerge Merge(byte[]? state, byte[] update, int maxLength) =>
        Call<YjsMerge>("merge", Base64(state), Convert.ToBase64String(update), maxLength);

    public YjsMerge Edit(byte[]? state, string? snapshot, string section, string text, uint clientId, int maxLength) =>
        Call<YjsMerge>("edit", Base64(state), snapshot ?? string.Empty, section, text, (double)clientId, maxLength);

    public YjsReading Read(byte[]? state, string? snapshot = null) =>
        Call<YjsReading>("read", Base64(state), snapshot ?? string.Empty);

    private T Call<T>(string function, params object[] arguments)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = Create();
        }
        try
        {
            var result = engine.Invoke(function, arguments).AsString();
            return JsonSerializer.Deserialize<T>(result, Json) ?? throw new InvalidOperationException("Yjs gave no answer.");
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private Engine Create()
    {
        var engine = new Engine(options => options
            // A document is small (SynthesisRules.MaxLength); anything that runs away is stopped, not waited for.
            .TimeoutInterval(TimeSpan.FromSeconds(10))
            .LimitMemory(256L * 1024 * 1024)
            .LimitRecursion(2_000)
            .Strict(false));
        engine.Execute(Shim);
        engine.Execute(_bundle);
        engine.Execute("var merge = CoSieSynthesis.merge, edit = CoSieSynthesis.edit, read = CoSieSynthesis.read;");
        return engine;
    }

    private static string Base64(byte[]? bytes) => bytes is { Length: > 0 } ? Convert.ToBase64String(bytes) : string.Empty;

    private static string ReadBundle(IFileProvider files)
    {
        var file = files.GetFileInfo(BundlePath);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The synthesis bundle {BundlePath} is missing from wwwroot (rebuild it: docs/development.md).");
        }
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
