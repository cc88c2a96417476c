using Sessions.Validator;
using Sessions.ServiceDefaults;

var builder = SessionsHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddValidator();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
