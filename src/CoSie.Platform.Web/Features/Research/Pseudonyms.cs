using System.Security.Cryptography;

namespace CoSie.Platform.Web.Features.Research;

// The pseudonym of an account within one export: HMAC-SHA256 of the account id under the export's own random key.
// The same account gets the same pseudonym throughout an export and another one in the next export; without the key
// (kept encrypted in the export's audit row) a pseudonym cannot be traced back to an account.
public sealed class Pseudonyms
{
    public const string Withheld = "[withheld]";
    public const string DeletedAccount = "[deleted account]";

    private readonly byte[] _key;
    private readonly Dictionary<Guid, string> _known = [];

    public Pseudonyms(byte[] key) => _key = key;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public string Of(Guid accountId)
    {
        if (!_known.TryGetValue(accountId, out var pseudonym))
        {
            var hash = HMACSHA256.HashData(_key, accountId.ToByteArray());
            pseudonym = "m-" + Convert.ToHexStringLower(hash, 0, 12);
            _known[accountId] = pseudonym;
        }
        return pseudonym;
    }
}
