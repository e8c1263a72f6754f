using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CohortInvitationConfiguration : IEntityTypeConfiguration<CohortInvitation>
{
    public void Configure(EntityTypeBuilder<CohortInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.Token).HasMaxLength(64);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => i.Token).IsUnique();
        builder.HasIndex(i => new { i.CohortId, i.Email }).IsUnique();
        builder.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
