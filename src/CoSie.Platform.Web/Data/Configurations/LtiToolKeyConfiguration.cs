using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiToolKeyConfiguration : IEntityTypeConfiguration<LtiToolKey>
{
    public void Configure(EntityTypeBuilder<LtiToolKey> builder)
    {
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.PublicJwk).HasMaxLength(2000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(8000);
        builder.HasIndex(k => k.KeyId).IsUnique();
        // One signing key per institution at a time, also when two requests create the first one together.
        builder.HasIndex(k => k.InstitutionId).IsUnique().HasFilter("retires_at IS NULL").HasDatabaseName("ix_lti_tool_keys_signing");
        builder.HasIndex(k => new { k.InstitutionId, k.CreatedAt });
        builder.HasOne<Institution>().WithMany().HasForeignKey(k => k.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
