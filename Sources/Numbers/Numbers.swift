// Numbers: see NumberExtractor.swift
