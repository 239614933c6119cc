package dev.berth.runner.project;

/// `authLevel` of an HTTP trigger, as in Azure Functions.
public enum AuthLevel { ANONYMOUS, FUNCTION, ADMIN }
