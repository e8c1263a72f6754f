using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiLineItemConfiguration : IEntityTypeConfiguration<LtiLineItem>
{
    public void Configure(EntityTypeBuilder<LtiLineItem> builder)
    {
        builder.Property(i => i.Url).HasMaxLength(2000);
        // One gradebook column per prompt of an LMS course, also when two scores of a new prompt are sent at once.
        builder.HasIndex(i => new { i.LtiContextId, i.PromptId }).IsUnique();
        builder.HasOne<LtiContext>().WithMany().HasForeignKey(i => i.LtiContextId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(i => i.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
