using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class DiscussionOutboxEntryConfiguration : IEntityTypeConfiguration<DiscussionOutboxEntry>
{
    public void Configure(EntityTypeBuilder<DiscussionOutboxEntry> builder)
    {
        builder.ToTable("discussion_outbox");
        // The worker takes an institution's oldest entries first (ids are time-ordered).
        builder.HasIndex(e => new { e.InstitutionId, e.Id });
        builder.HasOne<Reflection>().WithMany().HasForeignKey(e => e.ReflectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
