using Sessions.Processor;
using Sessions.ServiceDefaults;

var builder = SessionsHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProcessor();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
