using Sessions.Trainer;
using Sessions.ServiceDefaults;

var builder = SessionsHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTrainer();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
