global using Microsoft.Playwright;
global using Portal.Browser.Tests.Infrastructure;
global using Xunit.Abstractions;
global using static Microsoft.Playwright.Assertions;
