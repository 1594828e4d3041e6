package dev.switchboard.app;

/** Placeholder until the wiring lands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("switchboard");
    }
}
