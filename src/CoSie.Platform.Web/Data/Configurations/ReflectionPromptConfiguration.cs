using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ReflectionPromptConfiguration : IEntityTypeConfiguration<ReflectionPrompt>
{
    public void Configure(EntityTypeBuilder<ReflectionPrompt> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(ReflectionPrompt.MaxLength);
        builder.HasIndex(p => new { p.ModuleId, p.Position });
    }
}
