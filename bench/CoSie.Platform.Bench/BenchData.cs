namespace CoSie.Platform.Bench;

public sealed record BenchData(
    Guid InstitutionId, Guid CohortId, Guid ListPromptId, IReadOnlyDictionary<int, Guid> Threads, string Instructor, IReadOnlyList<string> Posters)
{
    public string ThreadUrl(int size) => $"/{BenchSeeder.Institution}/cohorts/{CohortId}/reflections/{Threads[size]}";
    public string ListUrl => $"/{BenchSeeder.Institution}/cohorts/{CohortId}/prompts/{ListPromptId}";
}
