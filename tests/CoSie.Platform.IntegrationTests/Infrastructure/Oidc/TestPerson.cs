namespace CoSie.Platform.IntegrationTests.Infrastructure.Oidc;

// Who the test provider signs in at its next authorization request.
public sealed record TestPerson(string Subject, string Email, string Name, bool EmailVerified = true, params string[] Groups);
