using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.HasIndex(d => new { d.UserId, d.Kind, d.TargetId }).IsUnique();
        builder.Property(d => d.Body).HasMaxLength(Reflection.MaxBodyLength);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
