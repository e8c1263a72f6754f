namespace CoSie.Platform.Web.Features.NextSteps;

public static class NextStepsServiceCollectionExtensions
{
    public static IServiceCollection AddNextSteps(this IServiceCollection services) => services.AddScoped<WhatNext>();
}
