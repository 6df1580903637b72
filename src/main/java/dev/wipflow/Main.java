package dev.wipflow; public class Main { public static void main(String[] a){} }
