using System.Collections.Concurrent;

namespace CoSie.Platform.Web.Features.Synthesis;

// Who is editing which section, per connection, in this instance's memory only: presence is transient, and a
// connection that ends takes its entry with it.
public sealed class SynthesisPresence
{
    private readonly ConcurrentDictionary<(string Group, Guid SynthesisId, string Connection), SynthesisEditor> _editors = new();

    public IReadOnlyList<SynthesisEditor> Set(string group, Guid synthesisId, string connectionId, SynthesisEditor? editor)
    {
        if (editor is null)
        {
            _editors.TryRemove((group, synthesisId, connectionId), out _);
        }
        else
        {
            _editors[(group, synthesisId, connectionId)] = editor;
        }
        return Of(synthesisId);
    }

    public IReadOnlyList<SynthesisEditor> Of(Guid synthesisId) =>
        _editors.Where(e => e.Key.SynthesisId == synthesisId).Select(e => e.Value).OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList();

    public IReadOnlyList<(string Group, Guid SynthesisId)> Leave(string connectionId)
    {
        var left = _editors.Keys.Where(k => k.Connection == connectionId).ToList();
        foreach (var key in left)
        {
            _editors.TryRemove(key, out _);
        }
        return left.Select(k => (k.Group, k.SynthesisId)).ToList();
    }
}
