using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Account;

// A password hash that no password matches (its password is random and thrown away), made once by the app's hasher
// with the cost every account's hash has. Sign-in verifies it for an address without an account, so that such an
// address costs the same one verification as a real account. It is made when the first sign-in of the process
// needs it, whichever address that is, so even that one tells nothing about the address.
public sealed class DummyPasswordHash
{
    private readonly string _hash;

    private DummyPasswordHash(string hash) => _hash = hash;

    public static DummyPasswordHash Make(IPasswordHasher<PlatformUser> hasher) =>
        new(hasher.HashPassword(new PlatformUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));

    public void Verify(IPasswordHasher<PlatformUser> hasher, string password) =>
        _ = hasher.VerifyHashedPassword(new PlatformUser(), _hash, password);
}
