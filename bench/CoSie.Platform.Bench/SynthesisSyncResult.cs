namespace CoSie.Platform.Bench;

public sealed record SynthesisSyncResult(int Editors, int UpdatesEach, int Refused, long Delivered, long Expected, double P50Ms, double P99Ms);
