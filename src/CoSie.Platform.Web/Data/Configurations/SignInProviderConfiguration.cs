using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class SignInProviderConfiguration : IEntityTypeConfiguration<SignInProvider>
{
    public void Configure(EntityTypeBuilder<SignInProvider> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(100);
        builder.Property(p => p.Issuer).HasMaxLength(500);
        builder.Property(p => p.ClientId).HasMaxLength(200);
        builder.Property(p => p.ProtectedClientSecret).HasMaxLength(4000);
        builder.Property(p => p.Scopes).HasMaxLength(500);
        builder.Property(p => p.EmailClaim).HasMaxLength(100);
        builder.Property(p => p.NameClaim).HasMaxLength(100);
        builder.Property(p => p.GroupClaim).HasMaxLength(100);
        builder.Property(p => p.RoleMappings).HasMaxLength(4000);
        builder.Property(p => p.AllowedEmailDomains).HasColumnType("text[]");
        builder.Ignore(p => p.LoginProvider);
        builder.HasIndex(p => p.InstitutionId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
