namespace HuilongbaMediation.Web.Features.Trainings;

/// <summary>The mediators' trainings (调解员培训).</summary>
public static class TrainingsRegistration
{
    public static IServiceCollection AddTrainings(this IServiceCollection services) => services.AddScoped<TrainingService>();
}
